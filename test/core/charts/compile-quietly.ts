/**
 * Compiles a Vega-Lite spec and collects everything vega-lite logs: a warning means an encoding
 * was dropped or a field is missing, so chart tests assert there is none.
 *
 * Test files that use it also map `vega` to `vega-util` with `jest.mock` (vega-lite imports four
 * helpers from the full vega runtime, which are vega-util's), so jest need not transform vega.
 */
import { compile } from 'vega-lite';

export function compileQuietly(spec: Parameters<typeof compile>[0]) {
  const messages: string[] = [];
  const push = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => (push('error', ...args), logger),
    warn: (...args: unknown[]) => (push('warn', ...args), logger),
    info: (...args: unknown[]) => (push('info', ...args), logger),
    debug: () => logger,
  };
  return { result: compile(spec, { logger: logger as never }), messages };
}
