using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Maps a recency and a frequency score to a segment, on the standard RF grid:
/// 55/54 Champions; [3-4][4-5] Loyal; [4-5][2-3] Potential loyalists; 51 New; 41 Promising; 33 Need attention;
/// 3[1-2] About to sleep; [1-2][3-4] At risk; [1-2]5 Can't lose; [1-2][1-2] Hibernating.
/// Those ten patterns already cover all 25 cells exactly once, so no cell needed filling; a test proves it.
/// </summary>
public static class RfGrid
{
    private const RfmSegment Cha = RfmSegment.Champions;
    private const RfmSegment Loy = RfmSegment.Loyal;
    private const RfmSegment Pot = RfmSegment.PotentialLoyalists;
    private const RfmSegment New = RfmSegment.New;
    private const RfmSegment Pro = RfmSegment.Promising;
    private const RfmSegment Nee = RfmSegment.NeedAttention;
    private const RfmSegment Abo = RfmSegment.AboutToSleep;
    private const RfmSegment Atr = RfmSegment.AtRisk;
    private const RfmSegment Cnt = RfmSegment.CantLose;
    private const RfmSegment Hib = RfmSegment.Hibernating;

    // Rows: recency 1..5; columns: frequency 1..5.
    private static readonly RfmSegment[,] Cells =
    {
        { Hib, Hib, Atr, Atr, Cnt },
        { Hib, Hib, Atr, Atr, Cnt },
        { Abo, Abo, Nee, Loy, Loy },
        { Pro, Pot, Pot, Loy, Loy },
        { New, Pot, Pot, Cha, Cha },
    };

    public static RfmSegment SegmentFor(int recencyScore, int frequencyScore)
    {
        Require(recencyScore, nameof(recencyScore));
        Require(frequencyScore, nameof(frequencyScore));
        return Cells[recencyScore - 1, frequencyScore - 1];
    }

    private static void Require(int score, string name)
    {
        if (score < QuintileScorer.Lowest || score > QuintileScorer.Highest)
        {
            throw new ArgumentOutOfRangeException(name, score, "Scores run from 1 to 5.");
        }
    }
}
