import type { AppConfig } from '../config';
import { dev } from './dev';
import { prod } from './prod';
import { stg } from './stg';

export const ENVIRONMENTS: readonly AppConfig[] = [dev, stg, prod];
