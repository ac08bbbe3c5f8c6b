export type { InstallOptions, InstallProgress, InstallResult } from './install';
export { install, installedVersion } from './install';
export { migrations } from './migrations.gen';
export { detectPgmqFlavour } from './pgmq-flavour';
export type { Migration, PgmqFlavour } from './types';
