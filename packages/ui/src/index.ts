// The screens' shared UI (issue 17 item 2); filled as pieces move here from the apps.
export {};
