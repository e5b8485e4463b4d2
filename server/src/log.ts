// A minimal structured logger; secrets (tokens, codes) are never passed to it.

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields?: Record<string, unknown>): string {
  const extra = fields && Object.keys(fields).length ? ' ' + JSON.stringify(fields) : '';
  return `${new Date().toISOString()} ${level} ${message}${extra}`;
}

export function consoleLogger(options: { quiet?: boolean } = {}): Logger {
  return {
    info: (message, fields) => {
      if (!options.quiet) console.log(line('info', message, fields));
    },
    warn: (message, fields) => console.warn(line('warn', message, fields)),
    error: (message, fields) => console.error(line('error', message, fields)),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
