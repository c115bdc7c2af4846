import { Grade, PractitionerStatus } from '@app/credit';
import { registerEnumType } from '@nestjs/graphql';

// The ratings' vocabulary as GraphQL enums (the registry's own enums are in registry-enums.ts).
registerEnumType(Grade, { name: 'Grade' });
registerEnumType(PractitionerStatus, { name: 'PractitionerStatus' });

export { Grade, PractitionerStatus };
