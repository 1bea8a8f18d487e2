const fmt = new Intl.NumberFormat("en");
export const formatNumber = (n: number) => fmt.format(n);
