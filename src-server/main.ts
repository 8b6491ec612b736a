// The service's entry point (`tsx src-server/main.ts`): read the configuration and run the main job.
import { configFromEnv } from './config';
import { startService } from './start';

await startService(configFromEnv(process.env));
