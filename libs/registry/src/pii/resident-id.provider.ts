import { AppConfig } from '@app/config';
import { Provider } from '@nestjs/common';
import { ResidentIdCipher } from './resident-id-cipher';

/** The cipher with the key ring from configuration (PII_ENCRYPTION_KEY, PII_HMAC_KEY, PII_KEY_ID, PII_PREVIOUS_KEYS). */
export const residentIdCipherProvider: Provider = {
  provide: ResidentIdCipher,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const { encryptionKey, hmacKey, keyId, previousKeys } = config.pii;
    return new ResidentIdCipher(encryptionKey, hmacKey, { keyId, previous: previousKeys });
  },
};
