import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { mongoCommandDurationSeconds } from './metrics.ts';

/** Collection names are ours and few; anything odd-looking collapses so it cannot grow the label set. */
const collectionPattern = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Commands whose first field is not a collection name. */
const collectionless = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'buildInfo',
  'endSessions',
  'saslStart',
  'saslContinue',
  'listDatabases',
  'listCollections',
  'getMore',
  'killCursors',
  'abortTransaction',
  'commitTransaction',
]);
const commandPattern = /^[A-Za-z]{1,40}$/;

/**
 * Records the latency of every MongoDB command the client runs (`mrv_mongodb_command_duration_seconds`)
 * from the driver's command-monitoring events. Turns `monitorCommands` on, which each connection reads
 * when it is opened: call it between `new MongoClient(...)` and `connect()` (or construct the client
 * with `{ monitorCommands: true }`). Returns a function that detaches it.
 */
export function instrumentMongoClient(client: MongoClient): () => void {
  client.options.monitorCommands = true;
  // The succeeded/failed events lack the collection; remember it from the started event.
  const pending = new Map<string, string>();
  const key = (e: { requestId: number; connectionId?: string | number }) =>
    `${e.connectionId}:${e.requestId}`;

  const onStarted = (event: CommandStartedEvent) => {
    pending.set(key(event), collectionOf(event));
  };
  const record = (event: CommandSucceededEvent | CommandFailedEvent, outcome: 'ok' | 'error') => {
    const k = key(event);
    const collection = pending.get(k) ?? '_';
    pending.delete(k);
    const command = commandPattern.test(event.commandName) ? event.commandName : 'other';
    mongoCommandDurationSeconds.observe({ command, collection, outcome }, event.duration / 1000);
  };
  const onSucceeded = (event: CommandSucceededEvent) => record(event, 'ok');
  const onFailed = (event: CommandFailedEvent) => record(event, 'error');

  client.on('commandStarted', onStarted);
  client.on('commandSucceeded', onSucceeded);
  client.on('commandFailed', onFailed);
  return () => {
    client.off('commandStarted', onStarted);
    client.off('commandSucceeded', onSucceeded);
    client.off('commandFailed', onFailed);
    pending.clear();
  };
}

function collectionOf(event: CommandStartedEvent): string {
  if (collectionless.has(event.commandName)) return '_';
  const target: unknown = event.command?.[event.commandName];
  return typeof target === 'string' && collectionPattern.test(target) ? target : '_';
}
