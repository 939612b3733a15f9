export * from './construct-contract';
