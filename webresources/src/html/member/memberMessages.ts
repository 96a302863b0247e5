import { pairsFor, type Language, type TextPair } from "../../lib/i18n";

/**
 * Texts the redemption dialog builds at runtime, in English and Spanish, in the words of solution/GLOSSARY.md
 * (reward, voucher, available points, pending, expiry, points movement). Fixed labels live in member.html (data-es).
 */
const memberMessages = {
  waiting: ["Opening…", "Abriendo…"],
  loadingRewards: ["Loading the rewards…", "Cargando las recompensas…"],
  rewardsReady: ["{n} rewards can be redeemed.", "Se pueden canjear {n} recompensas."],
  rewardReady: ["1 reward can be redeemed.", "Se puede canjear 1 recompensa."],
  noRewards: [
    "No reward can be redeemed with these points right now.",
    "Ahora mismo no se puede canjear ninguna recompensa con estos puntos.",
  ],
  confirm: ["Redeem {reward} for {cost}?", "¿Canjear {reward} por {cost}?"],
  working: ["Working…", "Procesando…"],
  redeemed: ["Reward redeemed. Give the customer this voucher code.", "Recompensa canjeada. Entregue al cliente este código de vale."],
  used: ["The voucher is marked as used.", "El vale se ha marcado como usado."],
  cancelled: [
    "Redemption cancelled. {points} refunded; available points now: {balance}.",
    "Canje cancelado. Se han reembolsado {points}; puntos disponibles ahora: {balance}.",
  ],
  loadFailed: ["The rewards could not be loaded.", "No se pudieron cargar las recompensas."],
  actionFailed: ["The server did not accept the request.", "El servidor no aceptó la solicitud."],
  noCustomer: ["Open this from a saved contact or account.", "Ábralo desde un contacto o una cuenta guardados."],
  loadingStatement: ["Loading the points statement…", "Cargando el extracto de puntos…"],
  statementReady: ["{n} points movements.", "{n} movimientos de puntos."],
  noMovements: ["This customer has no points movements yet.", "Este cliente todavía no tiene movimientos de puntos."],
  statementFailed: ["The points statement could not be loaded.", "No se pudo cargar el extracto de puntos."],
  points: ["{n} points", "{n} puntos"],
  Earn: ["Earned", "Ganados"],
  Bonus: ["Bonus", "Bonificación"],
  Redeem: ["Redeemed", "Canjeados"],
  Expire: ["Expiry", "Vencimiento"],
  Reverse: ["Return", "Devolución"],
  Adjust: ["Adjustment", "Ajuste"],
  Refund: ["Refund", "Reembolso"],
  Pending: ["Pending", "Pendiente"],
  Available: ["Available", "Disponible"],
  Redeemed: ["Spent", "Gastado"],
  Expired: ["Expired", "Vencido"],
  Reversed: ["Returned", "Devuelto"],
  Posted: ["Posted", "Registrado"],
} as const satisfies Readonly<Record<string, TextPair>>;

export type MemberMessageKey = keyof typeof memberMessages;
export type MemberMessages = Readonly<Record<MemberMessageKey, string>>;

export function memberMessagesFor(language: Language): MemberMessages {
  return pairsFor(memberMessages, language);
}

/** A server word (entry type or state) as a label, or the word itself when it is new to this page. */
export function labelOf(texts: MemberMessages, word: string): string {
  return Object.prototype.hasOwnProperty.call(texts, word) ? texts[word as MemberMessageKey] : word;
}
