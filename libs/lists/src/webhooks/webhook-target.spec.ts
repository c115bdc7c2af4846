import { DomainError } from '@app/common';
import { isPublicAddress, parseWebhookUrl, resolveWebhookTarget } from './webhook-target';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return `${e.details.field}:${e.details.reason}`;
    throw e;
  }
  return undefined;
}

async function asyncReason(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return `${e.details.field}:${e.details.reason}`;
    throw e;
  }
  return undefined;
}

describe('webhook URLs', () => {
  it('tells public from private, loopback, link-local and other special addresses', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '203.0.114.1']) expect([a, isPublicAddress(a)]).toEqual([a, true]);
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::127.0.0.1', '::ffff:0:127.0.0.1', '64:ff9b::a00:1', 'not-an-ip']) {
      expect([a, isPublicAddress(a)]).toEqual([a, false]);
    }
  });

  it('accepts https, and http only for an allowed host; refuses credentials, fragments and non-URLs', () => {
    expect(parseWebhookUrl('https://ndrc.example.cn/hooks/lists?x=1', []).href).toBe('https://ndrc.example.cn/hooks/lists?x=1');
    expect(parseWebhookUrl('http://127.0.0.1:8080/h', ['127.0.0.1']).host).toBe('127.0.0.1:8080');
    expect(parseWebhookUrl('http://[::1]:8080/h', ['::1']).hostname).toBe('[::1]');
    expect(reasonOf(() => parseWebhookUrl('http://ndrc.example.cn/h', []))).toBe('url:INSECURE_URL');
    expect(reasonOf(() => parseWebhookUrl('ftp://ndrc.example.cn/h', []))).toBe('url:INVALID_URL');
    expect(reasonOf(() => parseWebhookUrl('/relative', []))).toBe('url:INVALID_URL');
    expect(reasonOf(() => parseWebhookUrl('https://user:pw@ndrc.example.cn/h', []))).toBe('url:INVALID_URL');
    expect(reasonOf(() => parseWebhookUrl('https://ndrc.example.cn/h#x', []))).toBe('url:INVALID_URL');
    expect(reasonOf(() => parseWebhookUrl(`https://ndrc.example.cn/${'a'.repeat(2000)}`, []))).toBe('url:URL_TOO_LONG');
  });

  it('refuses a host that resolves to any non-public address unless the host is allowed', async () => {
    const dns = (map: Record<string, string[]>) => async (host: string) => (map[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const lookup = dns({ 'public.example': ['93.184.216.34'], 'mixed.example': ['93.184.216.34', '10.0.0.7'], 'inside.example': ['192.168.3.4'] });
    expect(await resolveWebhookTarget(new URL('https://public.example/h'), [], lookup)).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(await asyncReason(resolveWebhookTarget(new URL('https://mixed.example/h'), [], lookup))).toBe('url:PRIVATE_ADDRESS');
    expect(await asyncReason(resolveWebhookTarget(new URL('https://inside.example/h'), [], lookup))).toBe('url:PRIVATE_ADDRESS');
    expect(await resolveWebhookTarget(new URL('https://inside.example/h'), ['inside.example'], lookup)).toEqual([{ address: '192.168.3.4', family: 4 }]);
    expect(await asyncReason(resolveWebhookTarget(new URL('https://nowhere.example/h'), [], lookup))).toBe('url:UNRESOLVABLE_HOST');
    // IP literals are checked without a lookup.
    expect(await asyncReason(resolveWebhookTarget(new URL('https://169.254.169.254/latest'), [], lookup))).toBe('url:PRIVATE_ADDRESS');
    expect(await asyncReason(resolveWebhookTarget(new URL('https://[::ffff:127.0.0.1]/h'), [], lookup))).toBe('url:PRIVATE_ADDRESS');
    expect(await resolveWebhookTarget(new URL('http://127.0.0.1:9/h'), ['127.0.0.1'], lookup)).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
