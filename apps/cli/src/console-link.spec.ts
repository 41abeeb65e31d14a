import { consoleLink, devLinkRefusal } from './console-link';

describe('console dev link', () => {
  it('puts the token in the fragment of the local console URL', () => {
    expect(consoleLink('aaa.bbb.ccc', 3000)).toBe('http://localhost:3000/console/#token=aaa.bbb.ccc');
    expect(consoleLink('a.b.c', 8080)).toBe('http://localhost:8080/console/#token=a.b.c');
  });

  it('is allowed only with the embedded dev secret, never with production configuration', () => {
    expect(devLinkRefusal({ PORT: 3000 })).toBeUndefined();
    expect(devLinkRefusal({ PORT: 3000, JWT_SECRET: 'x'.repeat(40) })).toMatch(/JWT_SECRET/);
    expect(devLinkRefusal({ PORT: 3000, JWKS_URL: 'https://idp.example/jwks' })).toMatch(/JWKS_URL/);
    expect(devLinkRefusal({ PORT: 3000, NODE_ENV: 'production' })).toMatch(/production/);
  });
});
