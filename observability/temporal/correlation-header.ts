// Shared by the client, activity and workflow interceptors. No imports: the workflow sandbox loads it.

/** Temporal header that carries the correlation id from the API into workflows and activities. */
export const correlationHeader = 'mrv-correlation-id';

/** What an incoming correlation id may look like; anything else is replaced by a fresh one. */
export const correlationIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/;
