export * from './resident-id-cipher';
export * from './resident-id.provider';
export * from './key-rotation-lock';
export * from './key-rotation.service';
