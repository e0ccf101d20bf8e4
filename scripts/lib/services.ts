/** Redis and Postgres moved to sandbox/services.ts, which the queue-mode e2e tests share with the bench. */
export * from '../../sandbox/services';
