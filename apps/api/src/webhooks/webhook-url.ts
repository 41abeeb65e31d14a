/**
 * Where the service may send webhooks. It POSTs to URLs that parties choose, so the URL is a request
 * forgery vector: https only, except plain http to this machine's loopback (a receiver in
 * development); never to link-local addresses (the cloud metadata services live there), the
 * unspecified address, multicast or broadcast; no credentials in the URL. Hostnames are checked again
 * when they are resolved at delivery time (`guardedLookup`), so a name that later points at a
 * forbidden address is refused too.
 */
import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const MAX_URL_LENGTH = 2048;
/** Printable ASCII without spaces: the URL is stored and shown as given, and must read unambiguously. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
/** Names of metadata services that resolve to link-local addresses anyway; refused by name for a clearer answer. */
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog']);

const forbidden = new BlockList();
forbidden.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network", unspecified
forbidden.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local: 169.254.169.254 is the AWS/GCP/Azure/OpenStack metadata service
forbidden.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
forbidden.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
forbidden.addAddress('255.255.255.255', 'ipv4');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6'); // link-local
forbidden.addSubnet('ff00::', 8, 'ipv6'); // multicast
forbidden.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const family = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
/** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are matched against the IPv4 rules by BlockList itself. */
export const isForbiddenAddress = (address: string): boolean => forbidden.check(address, family(address));
export const isLoopbackAddress = (address: string): boolean => loopback.check(address, family(address));

/** The URL's host without IPv6 brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** What is wrong with `raw` as a webhook URL, or undefined when it is acceptable. */
export function webhookUrlProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return 'must be a string';
  if (raw.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  if (!PRINTABLE_ASCII.test(raw)) return 'must be printable ASCII without spaces (percent-encode anything else)';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL such as https://erp.example.com/webhooks';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must use https (not ${url.protocol.replace(/:$/, '')})`;
  if (url.username || url.password) return 'must not carry credentials; the signature authenticates the sender';
  if (url.hash) return 'must not have a #fragment';
  const host = bareHost(url);
  if (METADATA_NAMES.has(host)) return 'must not point at a cloud metadata service';
  if (isIP(host) && isForbiddenAddress(host)) return 'must not point at a link-local, metadata, unspecified, multicast or broadcast address';
  if (url.protocol === 'http:' && !isLoopbackHost(host)) return 'must use https; plain http is accepted only for localhost or a loopback address';
  return undefined;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || (isIP(host) !== 0 && isLoopbackAddress(host));
}

/** Refuses a literal address the URL names directly (a name is checked by `guardedLookup` when resolved). */
export function literalAddressProblem(url: URL): string | undefined {
  const host = bareHost(url);
  if (!isIP(host)) return undefined;
  if (isForbiddenAddress(host)) return `${host} is a forbidden address`;
  if (url.protocol === 'http:' && !isLoopbackAddress(host)) return `plain http only to loopback, not ${host}`;
  return undefined;
}

/**
 * A `lookup` for http(s).request that resolves as usual, then refuses forbidden addresses, and for
 * plain http anything but loopback: the address checked is the address connected to.
 */
export function guardedLookup(protocol: string): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.find((a) => isForbiddenAddress(a.address) || (protocol === 'http:' && !isLoopbackAddress(a.address)));
      if (refused || addresses.length === 0) {
        const why = refused ? `${hostname} resolves to ${refused.address}, which webhooks may not reach` : `${hostname} has no address`;
        return callback(Object.assign(new Error(why), { code: 'WEBHOOK_ADDRESS_REFUSED' }), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
