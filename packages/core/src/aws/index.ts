export * from './arn';
export * from './availability-zones';
export * from './cidr';
export * from './names';
export * from './open';
export * from './security-policies';
export * from './service-catalogue';
export * from './service-names';
