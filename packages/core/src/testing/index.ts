export * from './construct-contract';
export * from './bad-input';
