export const id = 383;
export const ids = [383];
export const modules = {

/***/ 82383:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectSsh: () => (/* binding */ connectSsh)
});

// UNUSED EXPORTS: redact, secretsOf

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(16435);
// EXTERNAL MODULE: ./lib/core/errors.js
var errors = __webpack_require__(3828);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/core/remote/known-hosts.js
/**
 * Host key pinning for the ssh transport: OpenSSH known_hosts lines (plain, `[host]:port`,
 * comma lists, wildcards, hashed `|1|salt|hash` entries, `@revoked`) and `SHA256:` fingerprints.
 * The comparison is on the raw key blob the server offers, never on a name or comment. Pure
 * functions, so every rule is unit-tested against keys and hashes made by the real ssh-keygen.
 */


const INPUT = 'known-hosts';
/**
 * Parses known_hosts text. A malformed line is an error naming the line rather than a line
 * silently skipped (as ssh does): a pin that is quietly ignored is a pin that does not exist.
 */
function parseKnownHosts(text) {
    const entries = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const raw = (lines[i] ?? '').trim();
        if (raw === '' || raw.startsWith('#'))
            continue;
        entries.push(parseLine(raw, i + 1));
    }
    return entries;
}
function parseLine(raw, line) {
    const fields = raw.split(/\s+/);
    let marker;
    if (fields[0]?.startsWith('@')) {
        const name = fields.shift();
        if (name === '@revoked')
            marker = 'revoked';
        else if (name === '@cert-authority')
            marker = 'cert-authority';
        else
            throw lineError(line, `unknown marker "${name ?? ''}" (known markers: @revoked, @cert-authority)`);
    }
    const [hostField, keyType, keyBase64] = fields;
    if (hostField === undefined || keyType === undefined || keyBase64 === undefined) {
        throw lineError(line, 'expected "<hosts> <key-type> <base64-key> [comment]", as printed by ssh-keyscan');
    }
    const key = decodeKey(keyBase64, line);
    const blobType = keyTypeOf(key);
    if (blobType !== keyType) {
        throw lineError(line, `the line says ${JSON.stringify(keyType)} but its key is ${blobType === undefined ? 'not a valid SSH public key' : JSON.stringify(blobType)}`);
    }
    return { line, marker, hosts: parseHosts(hostField, line), keyType, key };
}
function parseHosts(field, line) {
    if (field.startsWith('|')) {
        const parts = field.split('|');
        // `|1|salt|hash`: split gives ['', '1', salt, hash].
        if (parts.length !== 4 || parts[1] !== '1')
            throw lineError(line, 'a hashed host must look like |1|<base64 salt>|<base64 hash> (from ssh-keygen -H)');
        const salt = strictBase64(parts[2] ?? '');
        const hash = strictBase64(parts[3] ?? '');
        if (!salt || salt.length !== 20 || !hash || hash.length !== 20)
            throw lineError(line, 'the hashed host has a malformed salt or hash (each must be 20 bytes of base64)');
        return { kind: 'hashed', salt, hash };
    }
    const patterns = field
        .split(',')
        .map((p) => p.startsWith('!') ? { pattern: p.slice(1), negated: true } : { pattern: p, negated: false });
    if (patterns.some((p) => p.pattern === ''))
        throw lineError(line, `empty host name in "${field}"`);
    return { kind: 'patterns', patterns: patterns.map((p) => ({ ...p, pattern: p.pattern.toLowerCase() })) };
}
function decodeKey(text, line) {
    const key = strictBase64(text);
    if (!key || key.length < 8)
        throw lineError(line, 'the key is not valid base64');
    return key;
}
function strictBase64(text) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text))
        return undefined;
    const buf = Buffer.from(text, 'base64');
    return buf.length > 0 ? buf : undefined;
}
function lineError(line, message) {
    return new errors/* InputError */.dz(`known-hosts line ${line}: ${message}`, INPUT);
}
/** The key type encoded at the start of an SSH key blob, or undefined when it is not one. */
function keyTypeOf(blob) {
    if (blob.length < 4)
        return undefined;
    const len = blob.readUInt32BE(0);
    if (len === 0 || len > 64 || 4 + len > blob.length)
        return undefined;
    const type = blob.subarray(4, 4 + len).toString('latin1');
    return /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}
/** `SHA256:<base64 without padding>`, as `ssh-keygen -l` and `ssh` print it. */
function fingerprintSha256(blob) {
    return `SHA256:${(0,external_node_crypto_.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
/** Validates and normalizes a `SHA256:` fingerprint (padding dropped). */
function parseFingerprint(text) {
    const trimmed = text.trim();
    const match = /^SHA256:([A-Za-z0-9+/]{43})=?$/.exec(trimmed);
    if (!match) {
        const hint = /^(MD5:)?([0-9a-f]{2}:){15}[0-9a-f]{2}$/i.test(trimmed)
            ? ' MD5 fingerprints are not accepted;'
            : '';
        throw new errors/* InputError */.dz(`host key fingerprint ${JSON.stringify(trimmed.slice(0, 80))} is not a SHA256 fingerprint:${hint} expected "SHA256:" followed by 43 base64 characters, as printed by "ssh-keygen -l -E sha256 -f <host key>.pub"`, INPUT);
    }
    return `SHA256:${match[1] ?? ''}`;
}
/**
 * The `known-hosts` input holds either known_hosts lines or a single SHA256 fingerprint;
 * tells which.
 */
function hostKeyPinFromInput(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    if (/^SHA256:\S*$/.test(trimmed))
        return { hostKeyFingerprint: parseFingerprint(trimmed) };
    return { knownHosts: text };
}
/** The name known_hosts uses for a host: `host` on port 22, `[host]:port` otherwise. */
function knownHostsName(host, port) {
    const name = host.toLowerCase();
    return port === 22 ? name : `[${name}]:${port}`;
}
/** Whether the entry's host field names `host:port`. */
function entryMatchesHost(entry, host, port) {
    const name = knownHostsName(host, port);
    if (entry.hosts.kind === 'hashed') {
        const digest = (0,external_node_crypto_.createHmac)('sha1', entry.hosts.salt).update(name).digest();
        return (0,external_node_crypto_.timingSafeEqual)(digest, entry.hosts.hash);
    }
    let matched = false;
    for (const { pattern, negated } of entry.hosts.patterns) {
        if (!globMatch(pattern, name))
            continue;
        // As in OpenSSH, a negated pattern that matches rules the whole line out.
        if (negated)
            return false;
        matched = true;
    }
    return matched;
}
/** OpenSSH host pattern: `*` any run of characters, `?` exactly one. */
function globMatch(pattern, text) {
    if (!pattern.includes('*') && !pattern.includes('?'))
        return pattern === text;
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`).test(text);
}
/** Decides whether the key a server offers for `host:port` is the pinned one. */
function verifyHostKey(entries, host, port, offered) {
    const forHost = entries.filter((e) => entryMatchesHost(e, host, port));
    const revoked = forHost.find((e) => e.marker === 'revoked' && e.key.equals(offered));
    if (revoked)
        return { kind: 'revoked', line: revoked.line };
    const plain = forHost.filter((e) => e.marker === undefined);
    const match = plain.find((e) => e.key.equals(offered));
    if (match)
        return { kind: 'match', line: match.line };
    const offeredType = keyTypeOf(offered);
    const describe = (e) => ({
        line: e.line,
        keyType: e.keyType,
        fingerprint: fingerprintSha256(e.key),
    });
    const sameType = plain.filter((e) => e.keyType === offeredType);
    if (sameType.length > 0)
        return { kind: 'changed', known: sameType.map(describe) };
    return {
        kind: 'unknown',
        otherTypes: plain.map(describe),
        certAuthorityLines: forHost.filter((e) => e.marker === 'cert-authority').map((e) => e.line),
    };
}
/**
 * Host key algorithms to offer first so the server presents a key type that is pinned (as
 * OpenSSH does); otherwise a server holding several host keys could present an unpinned
 * type and be refused although its pinned key is fine.
 */
function preferredHostKeyAlgorithms(entries, host, port) {
    const algorithms = [];
    for (const entry of entries) {
        if (entry.marker !== undefined || !entryMatchesHost(entry, host, port))
            continue;
        const names = entry.keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [entry.keyType];
        for (const name of names)
            if (!algorithms.includes(name))
                algorithms.push(name);
    }
    return algorithms;
}

;// CONCATENATED MODULE: ./lib/core/remote/ssh.js
/**
 * The `ssh` transport: commands over ssh2 exec, files over SFTP on the same connection.
 * The host key is checked against the pinned known-hosts lines or fingerprint before any
 * credential is sent, and an unknown or changed key refuses the connection. Key material and
 * the passphrase never reach a log line or an error message: everything written passes
 * through `redact`, and ssh2's debug output is never enabled.
 */







const { Client, utils: sshUtils } = lib;
/** Parallel SFTP writes of this size keep the channel window full (see bench/upload.ts). */
const UPLOAD_CHUNK = 255 * 1024;
const UPLOAD_IN_FLIGHT = 64;
const DOWNLOAD_CHUNK = 64 * 1024;
const DOWNLOAD_IN_FLIGHT = 64;
const SFTP_NO_SUCH_FILE = 2;
const optionsSchema = schemas/* object */.Ikc({
    host: schemas/* string */.YjP()
        .trim()
        .min(1, 'must not be empty')
        .regex(/^[^\s@/]+$/, 'must be a host name or IP address (no spaces, "@" or "/")'),
    port: schemas/* number */.aig()
        .int('must be a whole number')
        .min(1, 'must be between 1 and 65535')
        .max(65535, 'must be between 1 and 65535'),
    username: schemas/* string */.YjP()
        .trim()
        .min(1, 'must not be empty')
        .regex(/^[^\s@:/]+$/, 'must be a user name (no spaces, "@", ":" or "/")'),
    privateKey: schemas/* string */.YjP()
        .refine((v) => v.trim() !== '', 'must not be empty: pass the private key from a secret, e.g. ${{ secrets.DEPLOY_KEY }}'),
    passphrase: schemas/* string */.YjP().optional(),
    knownHosts: schemas/* string */.YjP().optional(),
    hostKeyFingerprint: schemas/* string */.YjP().optional(),
    insecureSkipHostKeyCheck: schemas/* boolean */.zMY().optional(),
    commandTimeoutMs: schemas/* number */.aig().int().positive('must be more than 0'),
    connectTimeoutMs: schemas/* number */.aig().int().positive('must be more than 0').optional(),
    retries: schemas/* number */.aig().int().min(0).max(20).optional(),
    retryDelayMs: schemas/* number */.aig().int().min(0).optional(),
});
const INPUT_NAMES = {
    host: 'host',
    port: 'port',
    username: 'username',
    privateKey: 'private-key',
    passphrase: 'passphrase',
    knownHosts: 'known-hosts',
    hostKeyFingerprint: 'known-hosts',
};
/**
 * Strings to mask in logs (the action entry passes each to `core.setSecret`): the key, each
 * of its lines (a runner masks line by line, and a multi-line value may be printed in part)
 * and the passphrase.
 */
function secretsOf(options) {
    const secrets = new Set();
    const key = options.privateKey.trim();
    if (key !== '')
        secrets.add(key);
    for (const line of key.split(/\r?\n/)) {
        const trimmed = line.trim();
        // Header lines (-----BEGIN ...) and short PEM headers are not secret.
        if (trimmed.length >= 16 && !trimmed.startsWith('-----') && !/^[A-Za-z-]+:/.test(trimmed))
            secrets.add(trimmed);
    }
    if (options.passphrase)
        secrets.add(options.passphrase);
    return [...secrets];
}
/** Replaces every secret in `text` with `***`. */
function redact(text, secrets) {
    let out = text;
    // Longest first, so a line of the key is not masked before the whole key is.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret !== '')
            out = out.split(secret).join('***');
    }
    return out;
}
/** Connects (with retries) and returns the transport; throws a ModelgateError on failure. */
async function connectSsh(options) {
    const settings = resolveSettings(options);
    const transport = new SshTransport(settings);
    await transport.connect();
    return transport;
}
function resolveSettings(options) {
    const secrets = secretsOf({
        privateKey: typeof options.privateKey === 'string' ? options.privateKey : '',
        passphrase: typeof options.passphrase === 'string' ? options.passphrase : undefined,
    });
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? '');
        const input = INPUT_NAMES[field] ?? field;
        // Only the field and the rule, never the value: it may be a secret.
        const rule = issue?.code === 'invalid_type'
            ? `${options[field] === undefined ? 'is required: expected' : 'must be'} a ${issue.expected}`
            : (issue?.message ?? 'is invalid');
        throw new errors/* InputError */.dz(`ssh input "${input}" ${rule}`, input);
    }
    const o = parsed.data;
    const sink = (fn) => {
        return (line) => fn?.(redact(line, secrets));
    };
    const where = o.host.includes(':') ? `[${o.host}]:${o.port}` : `${o.host}:${o.port}`;
    const knownHosts = o.knownHosts !== undefined && o.knownHosts.trim() !== '' ? parseKnownHosts(o.knownHosts) : undefined;
    const fingerprint = o.hostKeyFingerprint !== undefined && o.hostKeyFingerprint.trim() !== ''
        ? parseFingerprint(o.hostKeyFingerprint)
        : undefined;
    return {
        host: o.host,
        port: o.port,
        username: o.username,
        privateKey: o.privateKey,
        passphrase: o.passphrase === '' ? undefined : o.passphrase,
        clientKey: parseClientKey(o.privateKey, o.passphrase === '' ? undefined : o.passphrase, secrets),
        knownHosts,
        fingerprint,
        insecure: o.insecureSkipHostKeyCheck === true,
        commandTimeoutMs: o.commandTimeoutMs,
        connectTimeoutMs: o.connectTimeoutMs ?? 20_000,
        retries: o.retries ?? 3,
        retryDelayMs: o.retryDelayMs ?? 1000,
        secrets,
        log: sink(options.log),
        warn: sink(options.warn ?? options.log),
        where,
        description: `ssh ${o.username}@${where}`,
    };
}
function parseClientKey(privateKey, passphrase, secrets) {
    const result = sshUtils.parseKey(privateKey, passphrase);
    const key = Array.isArray(result) ? result[0] : result;
    if (key instanceof Error || key === undefined) {
        const reason = key instanceof Error ? key.message : 'no key found';
        if (/no passphrase given/i.test(reason)) {
            throw new errors/* InputError */.dz('the private-key input is encrypted and no passphrase was given: set the "passphrase" input (from a secret)', 'passphrase');
        }
        if (/bad passphrase|integrity check failed|bad decrypt/i.test(reason)) {
            throw new errors/* InputError */.dz('the private-key input could not be decrypted with the given passphrase: check the "passphrase" input', 'passphrase');
        }
        throw new errors/* InputError */.dz(`the private-key input is not a private key that can be read (${redact(reason, secrets)}): pass the whole key file, from "-----BEGIN" to "-----END ... PRIVATE KEY-----", e.g. the output of "ssh-keygen -t ed25519 -f deploy_key"`, 'private-key');
    }
    if (!key.isPrivateKey()) {
        throw new errors/* InputError */.dz('the private-key input holds a public key: pass the private half (the file without .pub)', 'private-key');
    }
    return key;
}
function isConnectFailure(value) {
    return (typeof value === 'object' && value !== null && value.error instanceof errors/* ModelgateError */.HJ);
}
class SshTransport {
    s;
    description;
    client;
    connecting;
    sftpSession;
    remoteTimeout;
    closed = false;
    constructor(s) {
        this.s = s;
        this.description = s.description;
    }
    async connect() {
        if (this.closed)
            throw new errors/* ModelgateError */.HJ(`${this.description}: the connection was already closed (a bug: the transport is used after close())`, 'runtime');
        if (this.client)
            return this.client;
        this.connecting ??= this.connectWithRetries().finally(() => {
            this.connecting = undefined;
        });
        return this.connecting;
    }
    async connectWithRetries() {
        const attempts = this.s.retries + 1;
        for (let attempt = 1;; attempt++) {
            try {
                const client = await this.connectOnce();
                this.client = client;
                client.on('close', () => {
                    if (this.client === client) {
                        this.client = undefined;
                        this.sftpSession = undefined;
                        if (!this.closed)
                            this.s.log(`ssh: connection to ${this.s.where} closed; the next operation reconnects`);
                    }
                });
                return client;
            }
            catch (caught) {
                if (!isConnectFailure(caught))
                    throw caught;
                const failure = caught;
                if (!failure.retry || attempt >= attempts) {
                    if (failure.retry) {
                        throw new errors/* ModelgateError */.HJ(`${failure.error.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`, failure.error.kind, {}, { cause: failure.error });
                    }
                    throw failure.error;
                }
                const delay = this.s.retryDelayMs * 2 ** (attempt - 1);
                this.s.log(`ssh: ${failure.error.message}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${attempts})`);
                await new Promise((resolve) => setTimeout(resolve, delay));
            }
        }
    }
    /** One attempt; rejects with a ConnectFailure that says whether retrying can help. */
    connectOnce() {
        const s = this.s;
        return new Promise((resolve, reject) => {
            const client = new Client();
            let settled = false;
            let hostKeyFailure;
            const fail = (failure) => {
                if (settled)
                    return;
                settled = true;
                client.end();
                reject(failure);
            };
            client.on('error', (error) => {
                if (!settled) {
                    fail(hostKeyFailure ? { error: hostKeyFailure, retry: false } : this.classify(error));
                    return;
                }
                // After the handshake: the connection is gone; the next operation reconnects.
                s.log(`ssh: connection to ${s.where} failed: ${redact(error.message, s.secrets)}`);
            });
            client.once('close', () => {
                fail(hostKeyFailure
                    ? { error: hostKeyFailure, retry: false }
                    : {
                        error: new errors/* ModelgateError */.HJ(`ssh: ${s.where} closed the connection during the handshake`, 'remote'),
                        retry: true,
                    });
            });
            client.once('ready', () => {
                if (settled)
                    return;
                settled = true;
                resolve(client);
            });
            const config = {
                host: s.host,
                port: s.port,
                username: s.username,
                privateKey: s.privateKey,
                readyTimeout: s.connectTimeoutMs,
                keepaliveInterval: 15_000,
                keepaliveCountMax: 4,
                authHandler: ['publickey'],
                hostVerifier: (key) => {
                    const problem = this.checkHostKey(key);
                    if (problem)
                        hostKeyFailure = problem;
                    return problem === undefined;
                },
            };
            if (s.passphrase !== undefined)
                config.passphrase = s.passphrase;
            const preferred = s.knownHosts ? preferredHostKeyAlgorithms(s.knownHosts, s.host, s.port) : [];
            if (preferred.length > 0)
                config.algorithms = { serverHostKey: hostKeyAlgorithmOrder(preferred) };
            try {
                client.connect(config);
            }
            catch (error) {
                fail({
                    error: new errors/* ModelgateError */.HJ(`ssh: could not connect to ${s.where}: ${redact(errorText(error), s.secrets)}`, 'remote'),
                    retry: false,
                });
            }
        });
    }
    /** Undefined when the key is accepted; otherwise the error to report. */
    checkHostKey(key) {
        const s = this.s;
        const type = keyTypeOf(key) ?? 'unknown-type';
        const fingerprint = fingerprintSha256(key);
        const offered = `${type} ${fingerprint}`;
        const keyscan = `"ssh-keyscan${s.port === 22 ? '' : ` -p ${s.port}`} ${s.host}"`;
        if (s.insecure) {
            s.warn(`WARNING: insecure-skip-host-key-check is true: the host key of ${s.where} (${offered}) was NOT verified. ` +
                `Anyone who can intercept this connection can impersonate the server, read the model and run commands as ${s.username}. ` +
                `Pin the key instead: put the output of ${keyscan}, checked out of band, in the known-hosts input.`);
            return undefined;
        }
        if (!s.knownHosts && !s.fingerprint) {
            return new errors/* InputError */.dz(`host key for ${s.where} cannot be verified: no known-hosts input was given (the server offers ${offered}); add the output of ${keyscan}, checked out of band, to the known-hosts input, or set insecure-skip-host-key-check: true (not recommended)`, 'known-hosts');
        }
        const accepted = [];
        if (s.fingerprint) {
            if (fingerprint !== s.fingerprint) {
                return new errors/* ModelgateError */.HJ(`host key for ${s.where} does not match the pinned fingerprint: the server offers ${offered}, the known-hosts input pins ${s.fingerprint}; possible man-in-the-middle attack, or the server's host key was changed: verify the new key out of band before updating the pin`, 'remote');
            }
            accepted.push('the pinned fingerprint');
        }
        if (s.knownHosts) {
            const verdict = verifyHostKey(s.knownHosts, s.host, s.port, key);
            switch (verdict.kind) {
                case 'match':
                    accepted.push(`known-hosts line ${verdict.line}`);
                    break;
                case 'revoked':
                    return new errors/* ModelgateError */.HJ(`host key for ${s.where} (${offered}) is marked @revoked on known-hosts line ${verdict.line}: refusing to connect; the server must get a new host key`, 'remote');
                case 'changed':
                    return new errors/* ModelgateError */.HJ(`host key for ${s.where} does not match known-hosts: the server offers ${offered}, known-hosts has ${verdict.known.map((k) => `${k.keyType} ${k.fingerprint} (line ${k.line})`).join(', ')}; possible man-in-the-middle attack, or the server's host key was changed: verify the new key out of band before updating the known-hosts input`, 'remote');
                case 'unknown': {
                    const notes = [];
                    if (verdict.otherTypes.length > 0)
                        notes.push(`known-hosts only has ${verdict.otherTypes.map((k) => `${k.keyType} (line ${k.line})`).join(', ')} for this host`);
                    if (verdict.certAuthorityLines.length > 0)
                        notes.push(`@cert-authority entries (line ${verdict.certAuthorityLines.join(', ')}) are not supported: host certificates cannot be verified, pin the host's own key`);
                    return new errors/* InputError */.dz(`host key for ${s.where} is not in known-hosts (the server offers ${offered}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}); add the output of ${keyscan}, checked out of band, to the known-hosts input, or set insecure-skip-host-key-check: true (not recommended)`, 'known-hosts');
                }
            }
        }
        s.log(`ssh: host key of ${s.where} (${offered}) matches ${accepted.join(' and ')}`);
        return undefined;
    }
    classify(error) {
        const s = this.s;
        const detail = redact(error.message, s.secrets);
        if (error.level === 'client-authentication') {
            return {
                error: new errors/* ModelgateError */.HJ(`ssh: ${s.where} refused the key for user "${s.username}" (publickey authentication failed; client key ${s.clientKey.type} ${fingerprintSha256(s.clientKey.getPublicSSH())}): check that the private-key input is the private half of a key listed in ~${s.username}/.ssh/authorized_keys on the server, and that the username input is right`, 'remote'),
                retry: false,
            };
        }
        if (error.level === 'client-timeout') {
            return {
                error: new errors/* ModelgateError */.HJ(`ssh: timed out after ${s.connectTimeoutMs} ms connecting to ${s.where} (TCP connect, handshake and authentication)`, 'remote'),
                retry: true,
            };
        }
        switch (error.code) {
            case 'ECONNREFUSED':
                return {
                    error: new errors/* ModelgateError */.HJ(`ssh: connection to ${s.where} was refused: is sshd running there and listening on port ${s.port}?`, 'remote'),
                    retry: true,
                };
            case 'ETIMEDOUT':
            case 'EHOSTUNREACH':
            case 'ENETUNREACH':
            case 'ECONNRESET':
            case 'EPIPE':
            case 'EAI_AGAIN':
                return {
                    error: new errors/* ModelgateError */.HJ(`ssh: could not reach ${s.where} (${error.code}): ${detail}`, 'remote'),
                    retry: true,
                };
            case 'ENOTFOUND':
                return {
                    error: new errors/* ModelgateError */.HJ(`ssh: host "${s.host}" was not found (DNS): check the host input`, 'remote'),
                    retry: false,
                };
            default:
                break;
        }
        if (error.level === 'handshake' || error.level === 'protocol' || error.level === 'client-socket') {
            return {
                error: new errors/* ModelgateError */.HJ(`ssh: handshake with ${s.where} failed: ${detail}`, 'remote'),
                retry: true,
            };
        }
        return {
            error: new errors/* ModelgateError */.HJ(`ssh: connection to ${s.where} failed: ${detail}`, 'remote'),
            retry: true,
        };
    }
    remoteError(message, cause) {
        return new errors/* ModelgateError */.HJ(redact(`${this.description}: ${message}`, this.s.secrets), 'remote', {}, cause === undefined ? undefined : { cause });
    }
    async exec(command, options = {}) {
        const timeoutMs = options.timeoutMs ?? this.s.commandTimeoutMs;
        const guarded = (await this.hasRemoteTimeout()) ? withRemoteTimeout(command, timeoutMs) : command;
        return this.execRaw(guarded, showCommand(command), timeoutMs, options.stdin);
    }
    /**
     * Whether the target has a `timeout` that takes fractional seconds and a kill grace (GNU
     * coreutils). Asked once per transport.
     */
    hasRemoteTimeout() {
        this.remoteTimeout ??= this.execRaw('timeout -k 1 0.5 true', '"timeout -k 1 0.5 true"', 15_000, undefined).then((result) => {
            if (result.code !== 0) {
                this.s.log(`ssh: ${this.s.where} has no GNU "timeout" command: a command that times out is abandoned but may keep running on the server`);
            }
            return result.code === 0;
        }, (error) => {
            this.remoteTimeout = undefined;
            throw error;
        });
        return this.remoteTimeout;
    }
    async execRaw(command, shown, timeoutMs, stdin) {
        const client = await this.connect();
        return new Promise((resolve, reject) => {
            let channel;
            let finished = false;
            const finish = (outcome) => {
                if (finished)
                    return;
                finished = true;
                clearTimeout(timer);
                if ('result' in outcome)
                    resolve(outcome.result);
                else
                    reject(outcome.error);
            };
            const timer = setTimeout(() => {
                if (channel) {
                    // The remote `timeout` (see withRemoteTimeout) kills the command's process tree; the
                    // signal request covers targets without it, though sshd ignores it for root logins.
                    // Dropping the channel keeps the connection usable.
                    signalChannel(channel, 'KILL');
                    channel.close();
                }
                finish({
                    error: this.remoteError(`command ${shown} did not finish within ${timeoutMs} ms and was killed`),
                });
            }, timeoutMs);
            client.exec(command, (error, ch) => {
                if (error) {
                    finish({ error: this.remoteError(`could not start command ${shown}: ${error.message}`, error) });
                    return;
                }
                channel = ch;
                if (finished) {
                    ch.close();
                    return;
                }
                const stdout = [];
                const stderr = [];
                let code;
                ch.on('data', (chunk) => stdout.push(chunk));
                ch.stderr.on('data', (chunk) => stderr.push(chunk));
                ch.on('exit', (exitCode, signal) => {
                    if (typeof exitCode === 'number')
                        code = exitCode;
                    else if (signal)
                        code = 128 + signalNumber(signal);
                });
                ch.on('close', () => {
                    if (code === undefined) {
                        finish({
                            error: this.remoteError(`command ${shown} ended without an exit status (the connection was lost?)`),
                        });
                        return;
                    }
                    finish({
                        result: {
                            code,
                            stdout: Buffer.concat(stdout).toString('utf8'),
                            stderr: Buffer.concat(stderr).toString('utf8'),
                        },
                    });
                });
                if (stdin !== undefined)
                    ch.end(stdin);
                else
                    ch.end();
            });
        });
    }
    async sftp() {
        const client = await this.connect();
        if (!this.sftpSession) {
            const session = new Promise((resolve, reject) => {
                client.sftp((error, sftp) => {
                    if (error) {
                        reject(this.remoteError(`could not start the SFTP subsystem (is "Subsystem sftp" enabled in sshd_config?): ${error.message}`, error));
                        return;
                    }
                    resolve(new SftpSession(sftp, client, this.s.where, () => {
                        if (this.sftpSession === session)
                            this.sftpSession = undefined;
                    }));
                });
            });
            this.sftpSession = session;
            session.catch(() => {
                if (this.sftpSession === session)
                    this.sftpSession = undefined;
            });
        }
        return this.sftpSession;
    }
    async upload(localFile, remotePath, options = {}) {
        const offset = options.offset ?? 0;
        const local = await (0,promises_.open)(localFile, 'r');
        try {
            const total = (await local.stat()).size;
            if (!Number.isSafeInteger(offset) || offset < 0 || offset > total) {
                throw new errors/* ModelgateError */.HJ(`upload of ${localFile}: offset ${offset} is outside the file (0 to ${total} bytes); this is a bug in the caller`, 'runtime');
            }
            const session = await this.sftp();
            const { sftp } = session;
            const handle = await session
                .call((cb) => sftp.open(remotePath, offset > 0 ? 'r+' : 'w', cb))
                .catch((error) => {
                throw this.remoteError(`could not open ${remotePath} for writing${offset > 0 ? ' (to resume)' : ''}: ${transferReason(error, session)}`, error);
            });
            // Bytes from the start of the file the server has acknowledged writing, with no gap.
            let confirmed = offset;
            try {
                if (offset > 0) {
                    const existing = (await session.call((cb) => sftp.fstat(handle, cb))).size;
                    if (existing < offset)
                        throw this.remoteError(`cannot resume the upload to ${remotePath} at byte ${offset}: the partial file has only ${existing} bytes`);
                }
                const started = Date.now();
                const report = progressReporter(external_node_path_.basename(localFile), total, offset, (line) => this.s.log(line), options.onProgress);
                await writeParallel(session, handle, local, offset, total, (doneUpTo) => {
                    confirmed = doneUpTo;
                    report(doneUpTo);
                });
                if (offset > 0) {
                    // A partial file longer than the source would keep stale bytes after the end.
                    const size = (await session.call((cb) => sftp.fstat(handle, cb))).size;
                    if (size > total)
                        await session.call((cb) => sftp.fsetstat(handle, { size: total }, cb));
                }
                const seconds = Math.max((Date.now() - started) / 1000, 0.001);
                this.s.log(`ssh: uploaded ${formatMb(total - offset)}${offset > 0 ? ` (resumed at ${formatMb(offset)})` : ''} to ${remotePath} in ${seconds.toFixed(1)} s (${formatMb((total - offset) / seconds)}/s)`);
            }
            catch (error) {
                if (error instanceof errors/* ModelgateError */.HJ)
                    throw error;
                throw this.remoteError(`upload to ${remotePath} stopped after ${confirmed} of ${total} bytes were confirmed written (${formatMb(confirmed)} of ${formatMb(total)}): ${transferReason(error, session)}; the partial file holds them, so a retry can resume at byte ${confirmed}`, error);
            }
            finally {
                // A dead channel never answers; its handle went with it.
                if (!session.lost)
                    await session.call((cb) => sftp.close(handle, cb)).catch(() => undefined);
            }
        }
        finally {
            await local.close();
        }
    }
    async download(remotePath, localFile) {
        const session = await this.sftp();
        const { sftp } = session;
        const handle = await session
            .call((cb) => sftp.open(remotePath, 'r', cb))
            .catch((error) => {
            throw this.remoteError(`could not download ${remotePath}: ${transferReason(error, session)}`, error);
        });
        try {
            const total = await session
                .call((cb) => sftp.fstat(handle, cb))
                .then((stats) => stats.size, (error) => {
                throw this.remoteError(`could not download ${remotePath}: ${transferReason(error, session)}`, error);
            });
            const local = await (0,promises_.open)(localFile, 'w').catch((error) => {
                throw new errors/* ModelgateError */.HJ(`${this.description}: could not download ${remotePath}: cannot write ${localFile}: ${errorText(error)}`, 'runtime', {}, { cause: error });
            });
            let received = 0;
            try {
                await readParallel(session, handle, local, total, (doneUpTo) => {
                    received = doneUpTo;
                });
            }
            catch (error) {
                await local.close().catch(() => undefined);
                // The transport has no resume for downloads: a partial file would only be mistaken for
                // the whole one.
                await (0,promises_.rm)(localFile, { force: true });
                throw this.remoteError(`could not download ${remotePath}: stopped after ${received} of ${total} bytes had arrived (${formatMb(received)} of ${formatMb(total)}): ${transferReason(error, session)}; the partial ${localFile} was removed`, error);
            }
            await local.close();
        }
        finally {
            if (!session.lost)
                await session.call((cb) => sftp.close(handle, cb)).catch(() => undefined);
        }
    }
    async size(remotePath) {
        const session = await this.sftp();
        try {
            const stats = await session.call((cb) => session.sftp.stat(remotePath, cb));
            return stats.size;
        }
        catch (error) {
            if (error.code === SFTP_NO_SUCH_FILE)
                return undefined;
            throw this.remoteError(`could not stat ${remotePath}: ${transferReason(error, session)}`, error);
        }
    }
    async close() {
        this.closed = true;
        const client = this.client ?? (await this.connecting?.catch(() => undefined));
        this.client = undefined;
        this.sftpSession = undefined;
        if (!client)
            return;
        await new Promise((resolve) => {
            const timer = setTimeout(() => {
                client.destroy();
                resolve();
            }, 2000);
            client.once('close', () => {
                clearTimeout(timer);
                resolve();
            });
            client.end();
        });
    }
}
/**
 * Runs the command under the target's own `timeout`, in the user's login shell as sshd would.
 * Closing an SSH channel does not stop the command behind it, and sshd refuses signal
 * requests for root logins (no post-auth privilege separation), so without this a timed-out
 * `tar` or a hung restart would keep running on the server. `timeout` signals the whole
 * process group it creates: TERM at the deadline, KILL 2 s later.
 */
function withRemoteTimeout(command, timeoutMs) {
    const seconds = (Math.max(timeoutMs, 1) / 1000).toFixed(3);
    return `timeout -k 2 ${seconds} "\${SHELL:-/bin/sh}" -c ${singleQuote(command)}`;
}
function singleQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/** The shell's convention for a command killed by a signal is 128 + its number. */
function signalNumber(name) {
    const full = (name.startsWith('SIG') ? name : `SIG${name}`);
    return external_node_os_.constants.signals[full] ?? 0;
}
/**
 * ssh2's `channel.signal()` silently does nothing once stdin was closed (it requires the
 * channel to be writable), yet a command whose stdin is at EOF is exactly what a timeout
 * has to kill; so the request goes to the protocol layer directly while the channel is open.
 */
function signalChannel(channel, signal) {
    const internals = channel;
    const id = internals.outgoing?.id;
    const protocol = internals._client?._protocol;
    try {
        if (typeof id === 'number' &&
            typeof protocol?.signal === 'function' &&
            internals.outgoing?.state !== 'closed')
            protocol.signal(id, signal);
        else
            channel.signal(signal);
    }
    catch {
        // The channel is already closing: nothing left to signal.
    }
}
/** ssh2's default order with the pinned types moved to the front. */
function hostKeyAlgorithmOrder(preferred) {
    const defaults = [
        'ssh-ed25519',
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
        'ecdsa-sha2-nistp521',
        'rsa-sha2-512',
        'rsa-sha2-256',
        'ssh-rsa',
    ];
    const first = preferred.filter((a) => defaults.includes(a));
    return [...first, ...defaults.filter((a) => !first.includes(a))];
}
/** Raised in place of an SFTP reply that will never come because the channel is gone. */
class SessionLost extends Error {
}
/**
 * One SFTP channel and the connection under it. When either goes away, ssh2 fails the
 * requests outstanding at that moment, but a request made afterwards (a write whose local read
 * was still pending, closing the remote handle in a `finally`) is queued on the dead channel and
 * its callback never runs. So every request also ends when the session is lost, and a transfer
 * cut by the network fails at once instead of hanging.
 */
class SftpSession {
    sftp;
    lostWith;
    watchers = new Set();
    constructor(sftp, client, where, onLost) {
        this.sftp = sftp;
        const lose = (reason) => {
            if (this.lostWith)
                return;
            this.lostWith = new SessionLost(reason);
            client.off('error', onClientError);
            client.off('end', onClientEnd);
            client.off('close', onClientClose);
            onLost();
            const watchers = [...this.watchers];
            this.watchers.clear();
            for (const watcher of watchers)
                watcher(this.lostWith);
        };
        const onClientError = (error) => lose(`lost the connection to ${where} (${error.message})`);
        const onClientEnd = () => lose(`lost the connection to ${where} (the other end closed it)`);
        const onClientClose = () => lose(`lost the connection to ${where} (it was closed)`);
        client.on('error', onClientError);
        client.on('end', onClientEnd);
        client.on('close', onClientClose);
        // Stays attached after the loss: an 'error' without a listener would crash the process.
        sftp.on('error', (error) => lose(`the SFTP channel to ${where} failed (${error.message})`));
        sftp.on('end', () => lose(`the SFTP channel to ${where} was closed`));
        sftp.on('close', () => lose(`the SFTP channel to ${where} was closed`));
    }
    /** Why the session can no longer be used, once it cannot. */
    get lost() {
        return this.lostWith;
    }
    /** Calls `watcher` when the session is lost (at once if it is); returns the way to stop watching. */
    whenLost(watcher) {
        if (this.lostWith) {
            watcher(this.lostWith);
            return () => undefined;
        }
        this.watchers.add(watcher);
        return () => this.watchers.delete(watcher);
    }
    /** One request: settles with its reply, or rejects with SessionLost when the session goes first. */
    call(start) {
        return new Promise((resolve, reject) => {
            const unwatch = this.whenLost(reject);
            if (this.lostWith)
                return;
            try {
                start((error, value) => {
                    unwatch();
                    if (error)
                        reject(error);
                    else
                        resolve(value);
                });
            }
            catch (error) {
                // ssh2 throws at once on a channel it already knows to be closed.
                unwatch();
                reject(error instanceof Error ? error : new Error(String(error)));
            }
        });
    }
}
/**
 * Keeps up to UPLOAD_IN_FLIGHT writes outstanding so the channel never waits on a round trip.
 * `progress` gets the end of the prefix the server has acknowledged, with no gap before it.
 * Local reads finish in any order, but writes are sent in file order: the server then writes
 * (and acknowledges) in that order, so the confirmed prefix a retry resumes from follows what
 * was sent instead of waiting for a chunk whose read happened to finish last.
 */
async function writeParallel(session, handle, local, offset, total, progress) {
    if (offset === total) {
        progress(total);
        return;
    }
    const { sftp } = session;
    await new Promise((resolve, reject) => {
        const free = [];
        const read = new Map();
        const prefix = new ContiguousPrefix(offset);
        let nextRead = offset;
        let nextWrite = offset;
        let inFlight = 0;
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            unwatch();
            reject(error);
        };
        const acknowledged = (position, length) => {
            const advanced = prefix.add(position, length);
            try {
                if (advanced)
                    progress(prefix.end);
            }
            catch (thrown) {
                // Thrown inside ssh2's packet handling, it would break the connection instead.
                fail(thrown);
                return;
            }
            if (prefix.end === total) {
                settled = true;
                unwatch();
                resolve();
            }
            else
                pump();
        };
        const send = () => {
            // Nothing more goes to a channel that failed or is gone: its reply would never come.
            for (let chunk = read.get(nextWrite); chunk && !settled; chunk = read.get(nextWrite)) {
                const position = nextWrite;
                const { buffer, length } = chunk;
                read.delete(position);
                nextWrite += length;
                sftp.write(handle, buffer, 0, length, position, (error) => {
                    inFlight--;
                    free.push(buffer);
                    if (settled)
                        return;
                    if (error)
                        fail(error);
                    else
                        acknowledged(position, length);
                });
            }
        };
        const pump = () => {
            while (!settled && inFlight < UPLOAD_IN_FLIGHT && nextRead < total) {
                const position = nextRead;
                const length = Math.min(UPLOAD_CHUNK, total - position);
                nextRead += length;
                inFlight++;
                const buffer = free.pop() ?? Buffer.allocUnsafe(UPLOAD_CHUNK);
                local
                    .read(buffer, 0, length, position)
                    .then(({ bytesRead }) => {
                    if (settled)
                        return;
                    if (bytesRead !== length)
                        throw new errors/* ModelgateError */.HJ(`the local file changed size during the upload (short read at byte ${position})`, 'runtime');
                    read.set(position, { buffer, length });
                    send();
                })
                    .catch(fail);
            }
        };
        if (session.lost) {
            reject(session.lost);
            return;
        }
        const unwatch = session.whenLost(fail);
        pump();
    });
}
/**
 * Keeps up to DOWNLOAD_IN_FLIGHT reads outstanding and writes each chunk at its place in the
 * local file. `progress` gets the end of the prefix written locally, with no gap before it.
 */
async function readParallel(session, handle, local, total, progress) {
    if (total === 0) {
        progress(0);
        return;
    }
    const { sftp } = session;
    await new Promise((resolve, reject) => {
        const free = [];
        // The rest of a range a server answered with fewer bytes than asked (it may, at any size).
        const remainders = [];
        const prefix = new ContiguousPrefix(0);
        let next = 0;
        let inFlight = 0;
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            unwatch();
            reject(error);
        };
        const written = (position, length) => {
            const advanced = prefix.add(position, length);
            if (advanced)
                progress(prefix.end);
            if (prefix.end === total) {
                settled = true;
                unwatch();
                resolve();
            }
            else
                pump();
        };
        const pump = () => {
            while (!settled && inFlight < DOWNLOAD_IN_FLIGHT) {
                let range = remainders.pop();
                if (!range) {
                    if (next >= total)
                        break;
                    range = { position: next, length: Math.min(DOWNLOAD_CHUNK, total - next) };
                    next += range.length;
                }
                const { position, length } = range;
                inFlight++;
                const buffer = free.pop() ?? Buffer.allocUnsafe(DOWNLOAD_CHUNK);
                sftp.read(handle, buffer, 0, length, position, (error, bytesRead) => {
                    if (settled)
                        return;
                    if (error)
                        return fail(error);
                    if (bytesRead === 0)
                        return fail(new Error(`the file ended at byte ${position}, though it had ${total} bytes when the download started (it was truncated or replaced meanwhile)`));
                    writeFully(local, buffer, bytesRead, position)
                        .then(() => {
                        inFlight--;
                        free.push(buffer);
                        if (settled)
                            return;
                        if (bytesRead < length)
                            remainders.push({ position: position + bytesRead, length: length - bytesRead });
                        written(position, bytesRead);
                    })
                        .catch(fail);
                });
            }
        };
        if (session.lost) {
            reject(session.lost);
            return;
        }
        const unwatch = session.whenLost(fail);
        pump();
    });
}
async function writeFully(file, buffer, length, position) {
    for (let done = 0; done < length;) {
        const { bytesWritten } = await file.write(buffer, done, length - done, position + done);
        done += bytesWritten;
    }
}
function progressReporter(name, total, offset, log, onProgress) {
    let nextTenth = Math.floor((offset / Math.max(total, 1)) * 10) + 1;
    if (offset > 0)
        log(`ssh: resuming upload of ${name} at ${formatMb(offset)} of ${formatMb(total)}`);
    return (sent) => {
        onProgress?.({ sent, total });
        const tenth = total === 0 ? 10 : Math.floor((sent / total) * 10);
        if (tenth >= nextTenth) {
            nextTenth = tenth + 1;
            log(`ssh: upload of ${name}: ${tenth * 10}% (${formatMb(sent)} of ${formatMb(total)})`);
        }
    };
}
function formatMb(bytes) {
    return `${(bytes / 1e6).toFixed(1)} MB`;
}
/** The command as shown in errors: quoted, one line, bounded. */
function showCommand(command) {
    const oneLine = command.replace(/\s+/g, ' ').trim();
    return JSON.stringify(oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine);
}
/**
 * Why a request failed. A request cut off by a lost session fails with ssh2's bare "No
 * response from server" (it comes before the close event): the loss is named instead.
 */
function transferReason(error, session) {
    if (error instanceof SessionLost)
        return error.message;
    // A status code is the server's own answer (permission denied, disk full), loss or not.
    if (typeof error.code === 'number')
        return sftpReason(error);
    return session.lost?.message ?? sftpReason(error);
}
function sftpReason(error) {
    const code = error.code;
    const message = errorText(error);
    if (code === SFTP_NO_SUCH_FILE)
        return `${message} (does the directory exist?)`;
    if (code === 3)
        return `${message} (permission denied for this user)`;
    return message;
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
/**
 * The end of the gap-free prefix of a transfer whose chunks complete out of order: only
 * those bytes are safe to report as done, and to resume after.
 */
class ContiguousPrefix {
    end;
    pending = new Map();
    constructor(end) {
        this.end = end;
    }
    /** Records a finished chunk; true when the prefix grew. */
    add(position, length) {
        this.pending.set(position, length);
        const start = this.end;
        for (let len = this.pending.get(this.end); len !== undefined; len = this.pending.get(this.end)) {
            this.pending.delete(this.end);
            this.end += len;
        }
        return this.end !== start;
    }
}


/***/ })

};
