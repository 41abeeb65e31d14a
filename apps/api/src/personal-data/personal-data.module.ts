import { Module } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { PersonalDataVault, ReadStoreSubjectKeyStore, SUBJECT_KEY_STORE, type SubjectKeyStore } from '@cl/personal-data';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.controller';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';

/**
 * Personal data: the vault that encrypts it under per-subject keys (kept in the read store, see
 * libs/personal-data), and the erasure route. Areas that record contacts import this module for the vault.
 */
@Module({
  controllers: [ErasePersonalDataController],
  providers: [
    { provide: SUBJECT_KEY_STORE, inject: [READ_STORE], useFactory: (reads: ReadStore) => new ReadStoreSubjectKeyStore(reads) },
    { provide: PersonalDataVault, inject: [SUBJECT_KEY_STORE], useFactory: (keys: SubjectKeyStore) => new PersonalDataVault(keys) },
    ErasePersonalDataHandler,
  ],
  exports: [PersonalDataVault, SUBJECT_KEY_STORE],
})
export class PersonalDataModule {}
