// Commands of the hall-facing posts (kiosk, guide desk, hall display, phone page): customer
// list, appointments, supervision-box opinions, the hall notice, finding a ticket, and a
// ticket's public status. Filled in with issue 3.

export const frontCommands = {} as const;
