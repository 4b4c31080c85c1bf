package org.shebao.engine.internal.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.persistence.EntityManager;

import org.shebao.api.records.Contact;
import org.shebao.api.records.GapAssessment;
import org.shebao.api.records.InsuranceType;
import org.shebao.api.records.Person;
import org.shebao.api.records.RecordsWriter;

/** The records writer handed to an approval's effect: it writes through the approval's entity manager. */
public final class TxRecordsWriter implements RecordsWriter {

    private final EntityManager em;
    private final RecordsStore store;
    private final String actor;

    public TxRecordsWriter(EntityManager em, RecordsStore store, String actor) {
        this.em = em;
        this.store = store;
        this.actor = actor;
    }

    @Override
    public void enrol(Person person, InsuranceType type, Integer tierPercent, YearMonth from) {
        store.enrol(em, person, type, tierPercent, from, actor);
    }

    @Override
    public void suspend(String idNumber, InsuranceType type, YearMonth lastPaying) {
        store.suspend(em, idNumber, type, lastPaying, actor);
    }

    @Override
    public void changeTier(String idNumber, int tierPercent, YearMonth from, LocalDate approvedOn) {
        store.changeTier(em, idNumber, tierPercent, from, approvedOn, actor);
    }

    @Override
    public void changeContact(String idNumber, Contact contact) {
        store.changeContact(em, idNumber, contact, actor);
    }

    @Override
    public void changePhoto(String idNumber, long attachmentId) {
        store.changePhoto(em, idNumber, attachmentId, actor);
    }

    @Override
    public void makePayable(String idNumber, List<Long> lineIds) {
        store.makePayable(em, idNumber, lineIds, actor);
    }

    @Override
    public void writeOff(String idNumber, List<Long> lineIds, String by, long taskId) {
        store.writeOff(em, idNumber, lineIds, by, taskId);
    }

    @Override
    public GapAssessment makeGapsPayable(String idNumber, List<YearMonth> months, LocalDate today) {
        return store.makeGapsPayable(em, idNumber, months, today, actor);
    }
}
