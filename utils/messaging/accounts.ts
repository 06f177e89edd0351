/** Messages about MFA accounts and the vault (part of the one contract in protocol.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccountsProtocol {}
