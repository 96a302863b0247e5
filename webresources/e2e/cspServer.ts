import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";

/**
 * Serves dist/ on 127.0.0.1 with the strict CSP an admin can switch on in Dataverse.
 * If the panel needed inline script or style, the browser would refuse it and log an error.
 */
export const StrictCsp = "default-src 'self'; script-src 'self'; style-src 'self'";

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface RunningServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startCspServer(root: string): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      // Chromium asks for a favicon; answer it so no 404 shows up as a console error.
      if (path === "/favicon.ico") {
        response.writeHead(204).end();
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
          "Content-Security-Policy": StrictCsp,
          "X-Content-Type-Options": "nosniff",
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
