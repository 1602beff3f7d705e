/** Sample data files bundled by webpack as text (`asset/source`). */
declare module '*.txt' {
  const text: string;
  export default text;
}
declare module '*.csv' {
  const text: string;
  export default text;
}
