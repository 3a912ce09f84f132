// Child process of bench/report.ts: writes one synthetic data file and prints its size, MD5 and objects' bytes as JSON.
import { writeSyntheticDataFile } from '../test/report/generate';

const [file, columns, from, to] = process.argv.slice(2);
process.stdout.write(JSON.stringify(writeSyntheticDataFile(file, columns.split(','), Number(from), Number(to))));
