// What the desktop shell's preload exposes to the page as `window.onestopDesk`: the one, narrow
// bridge between a desk's page and its machine, declared in the contract
// (packages/shared/src/contract/bridge.ts). In a plain browser there is no bridge and the
// screens work the same.
export {
  DESK_SHELL_GLOBAL,
  type DeskIdentity,
  type DeskShellApi,
  type DeskWindow,
} from '@onestop/shared/bridge';
