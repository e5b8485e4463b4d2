// Catches what would otherwise blank the page: a part of the app that could not be downloaded (the connection
// dropped while a view's code was loading) or a view that crashed. It says so in words and recovers by itself:
// once the server answers, the page reloads (identity and offline notes live in the browser, so nothing is lost).
import { Component, type ReactNode } from 'react';

/** How often the page asks whether the server is back. */
const RETRY_MS = 2000;
/** At most one automatic reload in this window, so a view that always crashes does not reload forever. */
const AUTO_RELOAD_WINDOW_MS = 60_000;
const AUTO_RELOAD_KEY = 'scopeboard:autoReloadAt';

interface State {
  error: string | null;
}

function mayReloadByItself(now: number): boolean {
  try {
    const last = Number(window.sessionStorage.getItem(AUTO_RELOAD_KEY) ?? 0);
    return now - last > AUTO_RELOAD_WINDOW_MS;
  } catch {
    return false;
  }
}

export class LoadFailureBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  private timer: number | undefined;

  static getDerivedStateFromError(error: unknown): State {
    return { error: String((error as Error)?.message ?? error) };
  }

  override componentDidCatch(): void {
    if (this.timer === undefined && mayReloadByItself(Date.now())) this.waitForServer();
  }

  override componentWillUnmount(): void {
    window.clearTimeout(this.timer);
  }

  private waitForServer(): void {
    this.timer = window.setTimeout(() => {
      fetch('/healthz', { cache: 'no-store' })
        .then((response) => {
          if (!response.ok) return this.waitForServer();
          window.sessionStorage.setItem(AUTO_RELOAD_KEY, String(Date.now()));
          window.location.reload();
        })
        .catch(() => this.waitForServer());
    }, RETRY_MS);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main className="page narrow">
        <div role="alert" className="panel">
          <p>
            This page lost part of itself (the connection may have dropped while it loaded). It reloads by itself as
            soon as the server answers; your notes are kept.
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload now
          </button>
          <details>
            <summary>Details for whoever runs the server</summary>
            <p className="hint" data-testid="page-error">
              {error}
            </p>
          </details>
        </div>
      </main>
    );
  }
}
