import type { AgentLog } from '../agent/edge-agent.ts';

/** Structured JSON lines on stderr (journald and the Windows service wrapper keep them). */
export function jsonLog(write: (line: string) => void = (l) => process.stderr.write(l)): AgentLog {
  const emit = (level: string, message: string, fields?: Record<string, unknown>) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}
