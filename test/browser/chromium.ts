// Launches Debian's Chromium through playwright-core for the browser tests, with a fresh profile and
// no background networking; says why a test is skipped when /usr/bin/chromium is absent.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

/** For `describe(name, { skip: skipUnlessChromium() })`: false when Chromium is installed, else the reason. */
export function skipUnlessChromium(): string | false {
  return existsSync(CHROMIUM_PATH) ? false : `Chromium not found at ${CHROMIUM_PATH}; install it (apt-get install chromium) or set CROSSCHECK_CHROMIUM`;
}

export interface Session {
  browser: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a throwaway profile. */
export async function launchChromium(): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    browser: context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };
