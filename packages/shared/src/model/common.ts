import { z } from 'zod';
import { Text } from '../text';

// Domain records as they travel between the hall server and its devices (model/*.ts by subject).
// Times are epoch milliseconds; a business day is the hall's local date `YYYY-MM-DD`.

export const Id = z.string().min(1).max(64);
export const EpochMs = z.number().int().nonnegative();
export const BusinessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Role = z.enum([
  'kiosk',
  'display',
  'pad',
  'integration',
  'guide',
  'clerk',
  'backoffice',
  'duty_leader',
  'admin',
]);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(['guide', 'clerk', 'backoffice', 'duty_leader', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * A desk is a staff device (counter terminal, guide tablet, console, back office PC); an
 * integration is another system of the utility (its website or app booking appointments).
 */
export const DeviceKind = z.enum(['kiosk', 'display', 'pad', 'desk', 'integration']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const Phone = z.string().regex(/^1\d{10}$|^0\d{9,11}$/, 'expected a mainland phone number');
export const AccountNo = z.string().regex(/^\d{6,20}$/, 'expected 6-20 digits');

export const Customer = z.strictObject({
  phone: Phone.nullable().default(null),
  accountNo: AccountNo.nullable().default(null),
  name: Text({ min: 1, max: 40 }).nullable().default(null),
});
export type Customer = z.infer<typeof Customer>;
