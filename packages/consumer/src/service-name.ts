// The AWS service catalogue and the service-name rules live in core (one source for each rule);
// consumer keeps exporting them under the names it always had.
export { awsServiceName, resolveServiceName, type EndpointServiceRef, type ResolvedServiceName } from '@privatelink-cdktf/core';
