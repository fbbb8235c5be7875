import cloud from 'wx-server-sdk';
import { handlerFromEnv } from './compose';
import type { CheckResponse } from '../../../src/domain';

// DYNAMIC_CURRENT_ENV is a symbol at run time; the typings only accept strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const handle = handlerFromEnv(process.env);

/** WeChat calls this for every `callFunction`. The caller comes from the platform, not the event. */
export async function main(event: unknown): Promise<CheckResponse> {
  return handle(event, cloud.getWXContext().OPENID);
}
