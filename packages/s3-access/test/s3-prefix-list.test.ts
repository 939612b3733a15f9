import { requirePrefixListRef } from '../src/s3-prefix-list';
import { devStack } from './helpers';

describe('requirePrefixListRef', () => {
  it('takes an S3 gateway endpoint or a literal prefix list ID', () => {
    expect(requirePrefixListRef(devStack(), 's3GatewayEndpoint', { prefixListId: 'pl-61a54008' })).toEqual({ prefixListId: 'pl-61a54008' });
  });

  it('names what is missing or wrong', () => {
    expect(() => requirePrefixListRef(devStack(), 's3GatewayEndpoint', undefined as never)).toThrow(/'s3GatewayEndpoint' is missing; give the S3GatewayEndpoint of the VPC/);
    expect(() => requirePrefixListRef(devStack(), 's3GatewayEndpoint', null as never)).toThrow(/'s3GatewayEndpoint' is null; give the S3GatewayEndpoint of the VPC/);
    expect(() => requirePrefixListRef(devStack(), 's3GatewayEndpoint', 'pl-61a54008' as never)).toThrow(/'s3GatewayEndpoint' is the string 'pl-61a54008'/);
    expect(() => requirePrefixListRef(devStack(), 's3GatewayEndpoint', { prefixListId: 's3' })).toThrow(/'s3GatewayEndpoint.prefixListId' is 's3', which is not a prefix list ID/);
  });
});
