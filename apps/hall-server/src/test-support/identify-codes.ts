// What a bill's barcode and a resident ID number look like, for the screens' tests
// (docs/customer-identification.md): made by the hall's own rules, not copied.
export { billBarcode, idCheckChar } from '../domain/identify';
