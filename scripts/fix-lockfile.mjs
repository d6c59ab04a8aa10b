#!/usr/bin/env node
/**
 * Make package-lock.json acceptable to `npm ci` when the registry we can reach lacks some
 * platform-specific optional packages (e.g. @astrojs/compiler-binding-darwin-arm64).
 * `npm install` then leaves them out of the lock file and `npm ci` refuses with
 * "Missing: <pkg> from lock file". This adds a lock entry (version, os, cpu, libc, optional)
 * for each missing optional dependency whose name ends in a platform suffix; npm ci skips them
 * on this platform, and installs them normally elsewhere.
 *
 * Usage: node scripts/fix-lockfile.mjs && npm install   (then commit package-lock.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = [
  [/-android-arm64$/, { os: ['android'], cpu: ['arm64'] }],
  [/-android-arm-eabi$/, { os: ['android'], cpu: ['arm'] }],
  [/-darwin-arm64$/, { os: ['darwin'], cpu: ['arm64'] }],
  [/-darwin-x64$/, { os: ['darwin'], cpu: ['x64'] }],
  [/-darwin-universal$/, { os: ['darwin'] }],
  [/-freebsd-x64$/, { os: ['freebsd'], cpu: ['x64'] }],
  [/-linux-arm64-gnu$/, { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
  [/-linux-arm64-musl$/, { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
  [/-linux-arm-gnueabihf$/, { os: ['linux'], cpu: ['arm'] }],
  [/-linux-x64-gnu$/, { os: ['linux'], cpu: ['x64'], libc: ['glibc'] }],
  [/-linux-x64-musl$/, { os: ['linux'], cpu: ['x64'], libc: ['musl'] }],
  [/-wasm32-wasi$/, { cpu: ['wasm32'] }],
  [/-win32-arm64-msvc$/, { os: ['win32'], cpu: ['arm64'] }],
  [/-win32-ia32-msvc$/, { os: ['win32'], cpu: ['ia32'] }],
  [/-win32-x64-msvc$/, { os: ['win32'], cpu: ['x64'] }],
];

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const out = {};
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  out[key] = entry;
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = key === '' ? '' : `${key}/`;
    const candidates = [`${parentDir}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => lock.packages[c] || out[c])) continue;
    const platform = PLATFORMS.find(([re]) => re.test(name))?.[1];
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    out[`node_modules/${name}`] = { version, ...platform, dev: entry.dev ?? undefined, optional: true };
    added++;
    console.log(`added lock entry for ${name}@${version}`);
  }
}
lock.packages = out;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} entr${added === 1 ? 'y' : 'ies'} added`);
