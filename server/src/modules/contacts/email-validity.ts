import validator from 'validator';

/**
 * Email address validity policy for a CRM that sends mail over the public internet.
 * The full policy, category by category, is documented in docs/guide/email-validity-policy.md.
 */

/** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
const MAX_ADDRESS_LENGTH = 254;

const VALIDATOR_OPTIONS: validator.IsEmailOptions = {
  allow_display_name: false,
  require_display_name: false,
  // SMTPUTF8 is not supported end to end by many receiving servers (nor by every relay we may be
  // configured with); an accented local part is, in practice, usually a typing mistake.
  allow_utf8_local_part: false,
  // Mail goes to internet hosts: the domain must end in a real-looking top-level domain.
  require_tld: true,
  allow_ip_domain: false,
  allow_underscores: false,
  ignore_max_length: false,
  domain_specific_validation: false,
};

/** Dot-atom local part made only of RFC 5322 atext, ASCII only. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * Tells whether an address is acceptable for a contact in the CRM.
 *
 * Accepts ordinary dot-atom addresses, plus-addressing and internationalised domain names
 * (Unicode or punycode). Rejects anything RFC 5322 only tolerates for backward compatibility or
 * that real mail systems do not deliver reliably: quoted local parts, comments and folding white
 * space, IP or other domain literals, domains without a dot or with an invalid top-level domain,
 * non-ASCII local parts, control characters and addresses longer than 254 characters.
 *
 * The value is checked as given: trimming and lower-casing belong to `normaliseEmail`.
 */
export function isValidEmail(address: string): boolean {
  if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH) return false;
  // White space and control characters only ever appear in folding white space, comments or
  // quoted strings, none of which the policy accepts.
  if (/[\s\p{Cc}]/u.test(address)) return false;

  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  // Checked before validator, which accepts quoted local parts ("john doe"@example.org).
  if (!LOCAL_PART.test(local)) return false;
  // Domain literals ([192.0.2.1], [IPv6:…]) and comments are refused outright.
  if (/[[\]()"\\]/.test(domain)) return false;
  if (!domain.includes('.')) return false;

  return validator.isEmail(address, VALIDATOR_OPTIONS);
}
