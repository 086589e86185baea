#!/usr/bin/env node
// The CLI ships prebuilt in dist/cli, so `npx modelgate` needs no TypeScript toolchain.
import '../dist/cli/index.js';
