// Due dates of the work post (cases, support tasks, follow-ups) in the hall's time zone. A limit
// in days ends with the local day it falls on, so "due in 15 days" means until that day's close
// (`endOfDayAfter`). How a due time stands now (`dueStatus`) is in the shared contract, for every
// screen alike; the day arithmetic is the shared time module's.

export { addDays, dueStatus, endOfDayAfter, type DueStatus } from '@onestop/shared';
