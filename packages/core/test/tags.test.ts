import { MANAGED_BY, nameTags, standardTags } from '../src/tags';

describe('standardTags', () => {
  it('tags the application, the environment and the tool', () => {
    expect(standardTags({ application: 'web', environment: 'prod' })).toEqual({ application: 'web', environment: 'prod', 'managed-by': 'privatelink-cdktf' });
    expect(MANAGED_BY).toBe('privatelink-cdktf');
  });

  it('adds the owner when there is one', () => {
    expect(standardTags({ application: 'web', environment: 'prod', owner: 'payments-team' })).toEqual({
      application: 'web',
      environment: 'prod',
      'managed-by': 'privatelink-cdktf',
      owner: 'payments-team',
    });
    expect(standardTags({ application: 'web', environment: 'prod', owner: '' })).not.toHaveProperty('owner');
  });

  it('lets extra tags win over the standard ones', () => {
    expect(standardTags({ application: 'web', environment: 'prod', owner: 'a', extra: { owner: 'b', environment: 'production', cost: 'x' } })).toEqual({
      application: 'web',
      environment: 'production',
      'managed-by': 'privatelink-cdktf',
      owner: 'b',
      cost: 'x',
    });
  });
});

describe('nameTags', () => {
  it('adds a Name tag, which the given tags may override', () => {
    expect(nameTags('web-prod')).toEqual({ Name: 'web-prod' });
    expect(nameTags('web-prod', { team: 'a' })).toEqual({ Name: 'web-prod', team: 'a' });
    expect(nameTags('web-prod', { Name: 'custom' })).toEqual({ Name: 'custom' });
  });
});
