import type { z } from 'zod';
import {
  ErrorBodySchema,
  PullResponseSchema,
  PushResponseSchema,
  SeqGapSchema,
  SnapshotPageSchema,
  type PullResponse,
  type PushMutationBody,
  type PushResponse,
  type SnapshotPage,
} from './protocol';
import type { TokenPort } from './ports';

// HTTP to the service. Every answer becomes a small result union; nothing throws for an HTTP or
// network problem, so the engine's control flow is explicit. A 401 refreshes the token once
// through the token port (the bridge) and retries; a second 401 means "sign in again".

export type HttpResult<T> =
  | { kind: 'ok'; body: T; sentAt: number; receivedAt: number }
  | { kind: 'seq_gap'; expectedSeq: number }
  | { kind: 'unauthorized' }
  | { kind: 'transient'; retryAfterMs: number | null; message: string; network: boolean }
  | { kind: 'gone' }
  | { kind: 'fatal'; status: number; error: string; message: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface SyncHttpOptions {
  baseUrl: string;
  fetch: FetchLike;
  tokens: TokenPort;
  /** Device clock in ms (for the clock offset measurement). */
  nowMs?: () => number;
}

export class SyncHttp {
  constructor(private readonly options: SyncHttpOptions) {}

  push(body: {
    deviceId: string;
    schemaVersion: number;
    clientTime: string;
    mutations: PushMutationBody[];
  }): Promise<HttpResult<PushResponse>> {
    return this.call('POST', '/v1/sync/push', body, PushResponseSchema);
  }

  pull(body: { deviceId: string; cursor: string | null; limit: number }): Promise<HttpResult<PullResponse>> {
    return this.call('POST', '/v1/sync/pull', body, PullResponseSchema);
  }

  snapshotPage(snapshot: string, page: number): Promise<HttpResult<SnapshotPage>> {
    const q = new URLSearchParams({ snapshot, page: String(page) });
    return this.call('GET', `/v1/sync/snapshot?${q}`, undefined, SnapshotPageSchema);
  }

  url(path: string): string {
    return new URL(path, this.options.baseUrl).toString();
  }

  get tokens(): TokenPort {
    return this.options.tokens;
  }

  get fetch(): FetchLike {
    return this.options.fetch;
  }

  private async call<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<HttpResult<T>> {
    let token = await this.options.tokens.accessToken();
    if (!token) token = await this.options.tokens.refresh();
    if (!token) return { kind: 'unauthorized' };
    let result = await this.once(method, path, body, schema, token);
    if (result.kind === 'unauthorized') {
      token = await this.options.tokens.refresh();
      if (!token) return { kind: 'unauthorized' };
      result = await this.once(method, path, body, schema, token);
    }
    return result;
  }

  private async once<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    token: string,
  ): Promise<HttpResult<T>> {
    const now = this.options.nowMs ?? Date.now;
    const sentAt = now();
    let response: Response;
    let json: unknown;
    try {
      response = await this.options.fetch(this.url(path), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      json = await response.json().catch(() => null);
    } catch (error) {
      return { kind: 'transient', retryAfterMs: null, message: errorText(error), network: true };
    }
    const receivedAt = now();
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { kind: 'ok', body: parsed.data, sentAt, receivedAt };
      // A body we cannot read (a proxy page, a half-deployed service) is retried later, not applied.
      return {
        kind: 'transient',
        retryAfterMs: null,
        message: `unreadable response from ${path}`,
        network: false,
      };
    }
    const err = ErrorBodySchema.safeParse(json);
    const retryHeader = Number(response.headers.get('retry-after'));
    const retryAfterS =
      err.success && err.data.retryAfter !== undefined
        ? err.data.retryAfter
        : Number.isFinite(retryHeader) && retryHeader > 0
          ? retryHeader
          : null;
    switch (response.status) {
      case 401:
        return { kind: 'unauthorized' };
      case 409: {
        const gap = SeqGapSchema.safeParse(json);
        if (gap.success) return { kind: 'seq_gap', expectedSeq: gap.data.expectedSeq };
        break;
      }
      case 404:
      case 410:
        if (path.startsWith('/v1/sync/snapshot')) return { kind: 'gone' };
        break;
      case 408:
      case 429:
      case 500:
      case 502:
      case 503:
      case 504:
        return {
          kind: 'transient',
          retryAfterMs: retryAfterS === null ? null : retryAfterS * 1000,
          message: err.success ? err.data.error : `HTTP ${response.status}`,
          network: false,
        };
    }
    return {
      kind: 'fatal',
      status: response.status,
      error: err.success ? err.data.error : `http_${response.status}`,
      message: err.success ? (err.data.message ?? err.data.error) : `HTTP ${response.status}`,
    };
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
