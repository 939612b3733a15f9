export * from './endpoint-access';
export * from './endpoint-placement';
export * from './gateway-endpoint';
export * from './interface-endpoint';
export * from './ip-address-type';
export * from './meta-arguments';
export * from './service-name';
