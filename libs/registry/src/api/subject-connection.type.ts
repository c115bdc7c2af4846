import { Connection } from '@app/common/graphql';
import { ObjectType } from '@nestjs/graphql';
import { SubjectNode } from './subject.node';

@ObjectType()
export class SubjectConnection extends Connection(SubjectNode) {}
