package org.shebao.engine.internal.rating;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A citizen's rating (好差评) of a finished task: one per task, its key. */
@Entity
@Table(name = "SB_RATING", indexes = {@Index(name = "SB_RATING_PERIOD", columnList = "RATEDAT,DISTRICT"),
        @Index(name = "SB_RATING_OWNER", columnList = "OWNER")})
public class RatingEntity {

    @Id
    long taskId;

    @Column(nullable = false, length = 64)
    String owner;

    @Column(nullable = false, length = 100)
    String businessType;

    @Column(nullable = false, length = 6)
    String district;

    int stars;

    @Column(name = "COMMENTTEXT", length = 2000)
    String comment;

    long ratedAt;

    protected RatingEntity() {
    }

    RatingEntity(long taskId, String owner, String businessType, String district, int stars, String comment, long ratedAt) {
        this.taskId = taskId;
        this.owner = owner;
        this.businessType = businessType;
        this.district = district;
        this.stars = stars;
        this.comment = comment;
        this.ratedAt = ratedAt;
    }
}
