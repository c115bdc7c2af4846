import { AppConfig } from '@app/config';
import { Provider } from '@nestjs/common';
import { ResidentIdCipher } from './resident-id-cipher';

/** The cipher with the keys from configuration (PII_ENCRYPTION_KEY, PII_HMAC_KEY). */
export const residentIdCipherProvider: Provider = {
  provide: ResidentIdCipher,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new ResidentIdCipher(config.pii.encryptionKey, config.pii.hmacKey),
};
