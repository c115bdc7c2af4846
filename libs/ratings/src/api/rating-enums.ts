import { Grade, PractitionerStatus } from '@app/credit';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(Grade, { name: 'Grade' });
registerEnumType(PractitionerStatus, { name: 'PractitionerStatus' });

export { Grade, PractitionerStatus };
