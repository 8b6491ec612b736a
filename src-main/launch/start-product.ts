// `npm start`: the service on its embedded defaults (PGlite, demo data, web UI at /app/), then the
// desktop app against it where an Electron binary can be had. The service runs as its own process
// so that it keeps serving the web UI whatever happens to the desktop app.
import { spawn } from 'node:child_process';
import { launchDesktopApp } from './launch-desktop';

const host = process.env['HOST'] || '127.0.0.1';
const port = process.env['PORT'] || '4870';
const serviceUrl = `http://${host}:${port}`;

const service = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], { stdio: 'inherit' });

async function waitUntilHealthy(url: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline && service.exitCode === null) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const stopAll = (signal: NodeJS.Signals) => {
  if (service.exitCode === null) service.kill(signal);
  if (desktop?.status === 'launched' && desktop.child.exitCode === null) desktop.child.kill(signal);
};
let desktop: ReturnType<typeof launchDesktopApp> | undefined;
process.once('SIGINT', () => stopAll('SIGINT'));
process.once('SIGTERM', () => stopAll('SIGTERM'));
service.once('exit', (code) => {
  stopAll('SIGTERM');
  process.exit(code ?? 0);
});

if (await waitUntilHealthy(serviceUrl, Date.now() + 120_000)) {
  desktop = launchDesktopApp({ serviceUrl });
}
