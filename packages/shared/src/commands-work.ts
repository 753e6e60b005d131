// Commands of the work post beyond the queue itself: evaluations from the pad, first-handler
// cases, support tasks to the service post, follow-ups, shift handover and the customer's
// one-stop context. Filled in with issue 4.

export const workCommands = {} as const;
