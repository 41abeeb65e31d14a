import { guardedLookup, isForbiddenAddress, literalAddressProblem, webhookUrlProblem } from './webhook-url';

const resolve = (protocol: string, host: string, all: boolean) =>
  new Promise<unknown>((ok, fail) => guardedLookup(protocol)(host, { all }, (error, address) => (error ? fail(error) : ok(address))));

describe('webhook URLs', () => {
  it.each([
    'https://erp.example.com/hooks',
    'https://erp.example.com:8443/hooks?tenant=acme',
    'https://10.1.2.3/hooks',
    'http://localhost:8080/hooks',
    'http://127.0.0.1:9000/hooks',
    'http://[::1]:9000/hooks',
    'https://127.0.0.1/hooks',
  ])('accepts %s', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['ftp://erp.example.com/hooks', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['http://erp.example.com/hooks', /plain http.*loopback/],
    ['http://10.0.0.1/hooks', /plain http.*loopback/],
    ['http://localhost.evil.example/hooks', /plain http.*loopback/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['http://169.254.169.254/latest/meta-data', /link-local/],
    ['https://[fe80::1]/hooks', /link-local/],
    ['https://[::ffff:169.254.169.254]/hooks', /link-local/],
    ['https://0.0.0.0/hooks', /unspecified/],
    ['https://100.100.100.200/hooks', /metadata/],
    ['https://[fd00:ec2::254]/hooks', /metadata/],
    ['https://metadata.google.internal/computeMetadata/v1', /metadata/],
    ['https://user:pass@erp.example.com/hooks', /credentials/],
    ['https://erp.example.com/hooks#frag', /fragment/],
    ['https://erp.example.com/a b', /printable ASCII/],
    ['https://erp.example.com/\u202e', /printable ASCII/],
    ['erp.example.com/hooks', /absolute URL/],
  ])('refuses %s', (url, why) => {
    expect(webhookUrlProblem(url)).toMatch(why);
  });

  it('refuses a non-string and an overlong URL', () => {
    expect(webhookUrlProblem(42)).toBe('must be a string');
    expect(webhookUrlProblem(`https://erp.example.com/${'x'.repeat(2048)}`)).toMatch(/at most 2048/);
  });

  it('reads the address forms the URL parser normalises to (hex, decimal, mapped)', () => {
    expect(literalAddressProblem(new URL('https://0xa9.0xfe.0xa9.0xfe/'))).toMatch(/forbidden/);
    expect(literalAddressProblem(new URL('http://2130706433/'))).toBeUndefined(); // 127.0.0.1
    expect(literalAddressProblem(new URL('http://10.0.0.1/'))).toMatch(/loopback/);
    expect(isForbiddenAddress('::ffff:169.254.169.254')).toBe(true);
    expect(isForbiddenAddress('192.168.1.10')).toBe(false);
  });

  it('checks the address a name resolves to: localhost is loopback, so plain http may reach it', async () => {
    const address = await resolve('http:', 'localhost', false);
    expect(['127.0.0.1', '::1']).toContain(address);
    await expect(resolve('http:', 'localhost', true)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ address })]));
  });
});
