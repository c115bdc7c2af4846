// The enums are registered once, with the rest of the domain vocabulary, in the registry's GraphQL layer.
export { Grade, PractitionerStatus } from '@app/registry/api/registry-enums';
