import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENVIRONMENT_NAMES as CORE_ENVIRONMENT_NAMES } from '@privatelink-cdktf/core';
import { ENVIRONMENT_NAMES, findStack, listStacks } from '../../../scripts/stacks';

const root = path.join(__dirname, '..', '..', '..');
const apps = fs.readdirSync(path.join(root, 'apps')).sort();

describe('the stacks of the repository', () => {
  it('are every app in every environment', () => {
    expect(listStacks(root).map((s) => s.name)).toEqual(apps.flatMap((app) => ['dev', 'prod', 'stg'].map((env) => `${app}-${env}`)).sort());
    expect(listStacks(root)).toHaveLength(9);
  });

  it('know the environments core accepts', () => {
    expect([...ENVIRONMENT_NAMES]).toEqual([...CORE_ENVIRONMENT_NAMES]);
  });

  it('point at the app dir and its synthesized stack dir', () => {
    const stack = findStack(root, 'tenant-consumer-stg');
    expect(stack).toEqual({
      name: 'tenant-consumer-stg',
      app: 'tenant-consumer',
      environment: 'stg',
      appDir: path.join(root, 'apps', 'tenant-consumer'),
      stackDir: path.join(root, 'apps', 'tenant-consumer', 'cdktf.out', 'stacks', 'tenant-consumer-stg'),
    });
  });

  it('reject an unknown name with the list of known ones', () => {
    expect(() => findStack(root, 'tenant-consumer')).toThrow(/unknown stack 'tenant-consumer'; the stacks are: .*tenant-consumer-dev/);
  });
});
